"""cvdstorm.report"""
