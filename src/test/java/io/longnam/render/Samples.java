package io.longnam.render;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixed inputs and a fixed clock, so renders are reproducible. */
public final class Samples {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneId.of("Asia/Bangkok"));
    static final String NATIONAL_ID = "1101700203450";
    static final String QR_URL = "https://longnam.example/verify/7f3a9c";

    private Samples() {
    }

    static Renderer renderer() {
        return new Renderer(CLOCK);
    }

    static RenderOptions options() {
        return new RenderOptions(null, "เอกสารทดสอบ", "โรงเรียนบ้านใหญ่", QR_URL);
    }

    static Map<String, Object> pp1() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formSet", "0012");
        m.put("formNumber", "0345678");
        m.put("level", "มัธยมศึกษาตอนต้น");
        m.put("schoolName", "โรงเรียนบ้านใหญ่วิทยาคม");
        m.put("affiliation", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเชียงใหม่");
        m.put("subdistrict", "ป่าแดด");
        m.put("district", "เมืองเชียงใหม่");
        m.put("province", "เชียงใหม่");
        m.put("admissionDate", "2023-05-16");
        m.put("previousSchool", "โรงเรียนบ้านป่าไผ่");
        m.put("previousSchoolProvince", "ลำพูน");
        m.put("lastGrade", "มัธยมศึกษาปีที่ 3");
        m.put("studentName", "เด็กหญิงใจดี มีสุข");
        m.put("studentId", "12345");
        m.put("nationalId", NATIONAL_ID);
        m.put("gender", "หญิง");
        m.put("nationality", "ไทย");
        m.put("religion", "พุทธ");
        m.put("birthDate", "2011-02-14");
        m.put("fatherName", "นายสมศักดิ์ มีสุข");
        m.put("motherName", "นางสุดใจ มีสุข");
        m.put("photo", photo(300, 400));
        m.put("courses", courses());
        m.put("gpax", 3.47);
        m.put("readingResult", "ดีเยี่ยม");
        m.put("characteristicsResult", "ดีเยี่ยม");
        m.put("activitiesResult", "ผ่าน");
        m.put("graduationDate", "2026-03-31");
        m.put("leavingReason", "จบการศึกษา");
        m.put("leavingDate", "2026-03-31");
        m.put("registrarName", "นางสาวพิมพ์ใจ ใฝ่เรียน");
        m.put("directorName", "นายผู้ใหญ่ บ้านใหญ่");
        m.put("issueDate", "2026-11-25");
        return m;
    }

    static List<Map<String, Object>> courses() {
        String[][] base = {
            {"ท", "ภาษาไทย"}, {"ค", "คณิตศาสตร์"}, {"ว", "วิทยาศาสตร์และเทคโนโลยี"}, {"ส", "สังคมศึกษา ศาสนาและวัฒนธรรม"},
            {"พ", "สุขศึกษาและพลศึกษา"}, {"ศ", "ศิลปะ"}, {"ง", "การงานอาชีพ"}, {"อ", "ภาษาอังกฤษ"}};
        String[] grades = {"4", "3.5", "3", "4", "2.5", "4", "3.5", "3"};
        List<Map<String, Object>> list = new ArrayList<>();
        for (int year = 0; year < 3; year++) {
            for (int sem = 1; sem <= 2; sem++) {
                for (int i = 0; i < base.length; i++) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("year", String.valueOf(2566 + year));
                    c.put("semester", String.valueOf(sem));
                    c.put("code", base[i][0] + (21 + year) + "10" + sem);
                    c.put("name", base[i][1] + " " + (year * 2 + sem));
                    c.put("credits", i < 2 ? 1.5 : 1.0);
                    c.put("grade", grades[(i + year + sem) % grades.length]);
                    list.add(c);
                }
            }
        }
        return list;
    }

    public static Map<String, Object> pp2() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formSet", "0012");
        m.put("certificateNumber", "0045678");
        m.put("schoolName", "โรงเรียนบ้านใหญ่วิทยาคม");
        m.put("affiliation", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเชียงใหม่");
        m.put("level", "มัธยมศึกษาปีที่ 3");
        m.put("studentName", "เด็กหญิงใจดี มีสุข");
        m.put("studentId", "12345");
        m.put("nationalId", NATIONAL_ID);
        m.put("birthDate", "2011-02-14");
        m.put("photo", photo(300, 400));
        m.put("directorName", "นายผู้ใหญ่ บ้านใหญ่");
        m.put("issueDate", "2026-03-31");
        return m;
    }

    static Map<String, Object> letter() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("referenceNumber", "ศธ 04007/123");
        m.put("agency", "โรงเรียนบ้านใหญ่วิทยาคม");
        m.put("address", "หมู่ที่ 4 ตำบลป่าแดด\nอำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50100");
        m.put("date", "2026-11-25");
        m.put("subject", "ขอความอนุเคราะห์สถานที่จัดกิจกรรมพัฒนาผู้เรียน");
        m.put("addressee", "ผู้ใหญ่บ้านหมู่ที่ 4 ตำบลป่าแดด");
        m.put("reference", "หนังสือหมู่บ้านป่าแดด ที่ 12/2569 ลงวันที่ 1 พฤศจิกายน 2569");
        m.put("enclosures", "กำหนดการจัดกิจกรรม จำนวน 1 ฉบับ");
        m.put("body", String.join("\n",
                "ด้วยโรงเรียนบ้านใหญ่วิทยาคม มีกำหนดจัดกิจกรรมพัฒนาผู้เรียน ด้านการเรียนรู้ชุมชนและภูมิปัญญาท้องถิ่น "
                        + "ระหว่างวันที่ 15 ถึง 19 ธันวาคม 2569 โดยมีนักเรียนชั้นมัธยมศึกษาปีที่ 1 ถึงชั้นมัธยมศึกษาปีที่ 3 "
                        + "เข้าร่วมกิจกรรมจำนวนทั้งสิ้น 120 คน พร้อมครูผู้ควบคุมจำนวน 8 คน",
                "ในการนี้ โรงเรียนจึงขอความอนุเคราะห์ใช้ศาลาประชาคมหมู่บ้านเป็นสถานที่จัดกิจกรรม และขอเรียนเชิญท่าน"
                        + "เป็นวิทยากรบรรยายเรื่องประวัติความเป็นมาของชุมชนและการอนุรักษ์ป่าต้นน้ำ ตามกำหนดการที่แนบมาพร้อมนี้",
                "จึงเรียนมาเพื่อโปรดพิจารณาให้ความอนุเคราะห์ และขอขอบคุณมา ณ โอกาสนี้"));
        m.put("signerName", "นายผู้ใหญ่ บ้านใหญ่");
        m.put("signerPosition", "ผู้อำนวยการโรงเรียนบ้านใหญ่วิทยาคม");
        m.put("contactUnit", "กลุ่มบริหารงานวิชาการ");
        m.put("phone", "0 5312 3456");
        m.put("fax", "0 5312 3457");
        m.put("email", "academic@banyai.ac.th");
        return m;
    }

    /** A deterministic stand-in photo: a gradient with a head-and-shoulders silhouette. */
    static byte[] photo(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(170, 200, 235), 0, h, new Color(90, 130, 190)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(40, 40, 60));
        g.fillOval(w / 2 - w / 6, h / 5, w / 3, w / 3 + h / 20);
        g.fillRoundRect(w / 6, h * 3 / 5, w * 2 / 3, h / 2, w / 3, w / 3);
        g.dispose();
        return png(img);
    }

    static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
